import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../hooks/useT';

interface PagerProps {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  /** The labels of the buttons to the previous and the next page. */
  previous: string;
  next: string;
  /** Small buttons, spread under a list in a panel (rather than at the end of a page). */
  compact?: boolean;
}

/** Buttons to the previous and next page of a list, and which page this is; nothing for one page. */
export const Pager = ({ page, pageCount, onPage, previous, next, compact }: PagerProps) => {
  const t = useT();
  if (pageCount <= 1) return null;
  const size = compact ? 'S' : undefined;
  return (
    <Flex
      gap={2}
      paddingTop={compact ? 2 : 4}
      justifyContent={compact ? 'space-between' : 'flex-end'}
    >
      <Button variant="tertiary" size={size} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {previous}
      </Button>
      <Typography
        variant={compact ? 'pi' : undefined}
        textColor={compact ? 'neutral600' : undefined}
      >
        {t('list.page', 'Page {page} of {pageCount}', { page, pageCount })}
      </Typography>
      <Button
        variant="tertiary"
        size={size}
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        {next}
      </Button>
    </Flex>
  );
};
