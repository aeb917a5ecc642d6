import { Button, Flex, LinkButton } from '@strapi/design-system';
import type {
  LinkAction,
  LinkFilter,
  LinkHealthResult,
} from '../../../shared/contracts/link-health';
import { useT } from '../hooks/useT';

interface Fix {
  action: LinkAction;
  variant: 'secondary' | 'tertiary';
  label: string;
  done: string;
}

interface LinkFixesProps {
  link: LinkHealthResult;
  /** The state the list shows: ignored links can be checked again, the others ignored. */
  filter: LinkFilter;
  onFix: (id: number, action: LinkAction, done: string) => void;
}

/** What an editor can do about one link: open it, use its new URL or archived copy, ignore it. */
export const LinkFixes = ({ link, filter, onFix }: LinkFixesProps) => {
  const t = useT();
  const fixes: Fix[] = [];
  if (link.newUrl) {
    fixes.push({
      action: 'use-new-url',
      variant: 'secondary',
      label: t('links.use-new', 'Use new URL'),
      done: t('links.used-new', 'The link now uses its new URL.'),
    });
  }
  if (link.archivedUrl && filter !== 'ok') {
    fixes.push({
      action: 'use-archived-copy',
      variant: 'secondary',
      label: t('links.use-archive', 'Use archived copy'),
      done: t('links.used-archive', 'The link now points to its archived copy.'),
    });
  }
  fixes.push(
    filter === 'ignored'
      ? {
          action: 'unignore',
          variant: 'tertiary',
          label: t('links.unignore', 'Check again'),
          done: t('links.unignored', 'The link is checked again.'),
        }
      : {
          action: 'ignore',
          variant: 'tertiary',
          label: t('links.ignore', 'Ignore'),
          done: t('links.ignored', 'The link is ignored.'),
        }
  );

  return (
    <Flex gap={2} wrap="wrap">
      <LinkButton variant="tertiary" href={link.url} target="_blank" rel="noreferrer noopener">
        {t('links.open', 'Open')}
      </LinkButton>
      {fixes.map((fix) => (
        <Button
          key={fix.action}
          variant={fix.variant}
          onClick={() => onFix(link.id, fix.action, fix.done)}
        >
          {fix.label}
        </Button>
      ))}
    </Flex>
  );
};
