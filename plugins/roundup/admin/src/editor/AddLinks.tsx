import { Flex } from '@strapi/design-system';
import type { EditorView, SectionRef } from '../../../shared/contracts/editor';
import { InboxList } from './InboxList';
import { QuickAddForm } from './QuickAddForm';

/**
 * Quick-add (a new link straight into this roundup) and the inbox (links
 * saved without a roundup, one click to add).
 */
export const AddLinks = ({
  roundupId,
  sections,
  onAdded,
}: {
  roundupId: string;
  sections: SectionRef[];
  onAdded: (view: EditorView) => void;
}) => (
  <Flex direction="column" alignItems="stretch" gap={4}>
    <QuickAddForm roundupId={roundupId} sections={sections} onAdded={onAdded} />
    <InboxList roundupId={roundupId} onAdded={onAdded} />
  </Flex>
);
