import { Th, Thead, Tr, Typography } from '@strapi/design-system';

/** A table's header row in the admin panel's style: one small-caps label per column. */
export const TableHeader = ({ labels }: { labels: string[] }) => (
  <Thead>
    <Tr>
      {labels.map((label) => (
        <Th key={label}>
          <Typography variant="sigma">{label}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);
