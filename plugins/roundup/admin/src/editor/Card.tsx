import type * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { Link } from 'react-router-dom';
import type { EntryCard } from '../../../shared/contracts/editor';
import { useT } from '../hooks/useT';

interface CardProps {
  card: EntryCard;
  /** The move handle, where the link can be moved. */
  handle: React.ReactNode;
  /** A button at the card's end (Add, in the inbox). */
  action?: React.ReactNode;
}

/** One link: title, host, author, the first line of commentary, and where else it appears. */
export const Card = ({ card, handle, action }: CardProps) => {
  const t = useT();
  return (
    <Box
      padding={3}
      marginTop={1}
      marginBottom={1}
      background="neutral100"
      hasRadius
      borderColor="neutral200"
    >
      <Flex gap={2} alignItems="flex-start">
        {handle}
        <Flex direction="column" alignItems="stretch" gap={1} style={{ flex: 1, minWidth: 0 }}>
          <Typography fontWeight="bold" ellipsis>
            {card.title}
          </Typography>
          <Typography variant="pi" textColor="neutral600" ellipsis>
            {card.host}
            {card.author ? ` · ${card.author}` : ''}
          </Typography>
          {card.commentary && (
            <Typography variant="pi" textColor="neutral800" ellipsis>
              {card.commentary}
            </Typography>
          )}
          {card.duplicates.map((duplicate) => (
            <Flex
              key={duplicate.roundup.documentId}
              gap={1}
              data-duplicate={duplicate.roundup.documentId}
              role="note"
            >
              <WarningCircle fill="warning600" aria-hidden />
              <Typography variant="pi" textColor="warning700">
                {t('editor.duplicate', 'Already in')}{' '}
                <Link to={`../${duplicate.roundup.documentId}`} relative="path">
                  {duplicate.roundup.title}
                </Link>
              </Typography>
            </Flex>
          ))}
        </Flex>
        {action}
      </Flex>
    </Box>
  );
};
