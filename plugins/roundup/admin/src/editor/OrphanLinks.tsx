import { Box, Typography } from '@strapi/design-system';
import type { EntryCard } from '../../../shared/contracts/editor';
import { useT } from '../hooks/useT';
import { Card } from './Card';

/** Links whose section was deleted: shown apart, since they block reordering until they get one. */
export const OrphanLinks = ({ orphans }: { orphans: EntryCard[] }) => {
  const t = useT();
  if (orphans.length === 0) return null;
  return (
    <Box
      tag="section"
      aria-label={t('editor.orphans', 'Without a section')}
      background="warning100"
      hasRadius
      padding={4}
    >
      <Typography variant="delta" tag="h2">
        {t('editor.orphans', 'Without a section')}
      </Typography>
      <Typography tag="p" textColor="warning700">
        {t(
          'editor.orphans-help',
          'These links lost their section. Give each one a section in the Content Manager before reordering.'
        )}
      </Typography>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {orphans.map((card) => (
          <li key={card.documentId} data-entry={card.documentId} aria-label={card.title}>
            <Card card={card} handle={null} />
          </li>
        ))}
      </ol>
    </Box>
  );
};
