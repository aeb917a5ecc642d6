import type * as React from 'react';
import {
  EmptyStateLayout,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';

/** A column: its small-caps label, and its cell in a row. */
export type Column<Row> = [label: string, cell: (row: Row) => React.ReactNode];

/** Rows are told apart by their documentId, or else their id. */
type Identified = { documentId: string } | { id: number };

const keyOf = (row: Identified) => ('documentId' in row ? row.documentId : row.id);

interface DataTableProps<Row extends Identified> {
  rows: Row[];
  columns: Column<Row>[];
  /** What shows instead of a table without rows: what to do to get some. */
  empty: string;
  /** Attributes of a row, to tell it apart (`data-roundup`). */
  rowProps?: (row: Row) => Record<`data-${string}`, string | number>;
}

/** A table in the admin panel's style, or, while it has no rows, a note saying what to do. */
export const DataTable = <Row extends Identified>({
  rows,
  columns,
  empty,
  rowProps,
}: DataTableProps<Row>) => {
  if (rows.length === 0) return <EmptyStateLayout content={empty} />;
  return (
    <Table colCount={columns.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {columns.map(([label]) => (
            <Th key={label}>
              <Typography variant="sigma">{label}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={keyOf(row)} {...rowProps?.(row)}>
            {columns.map(([label, cell]) => (
              <Td key={label}>{cell(row)}</Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
