import { Button, Flex } from '@strapi/design-system';
import type { RoundupStatus } from '../../../shared/contracts/editor';
import { useT } from '../hooks/useT';

interface PublishButtonsProps {
  status: RoundupStatus;
  busy: boolean;
  onPublish: (publish: boolean) => void;
}

/** Unpublish (once published) and Publish, or Publish changes when the draft moved on since. */
export const PublishButtons = ({ status, busy, onPublish }: PublishButtonsProps) => {
  const t = useT();
  return (
    <Flex gap={2}>
      {status !== 'draft' && (
        <Button variant="secondary" onClick={() => onPublish(false)} loading={busy}>
          {t('editor.unpublish', 'Unpublish')}
        </Button>
      )}
      {status !== 'published' && (
        <Button onClick={() => onPublish(true)} loading={busy}>
          {status === 'modified'
            ? t('editor.publish-changes', 'Publish changes')
            : t('editor.publish', 'Publish')}
        </Button>
      )}
    </Flex>
  );
};
