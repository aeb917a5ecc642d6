import { Flex, VisuallyHidden } from '@strapi/design-system';
import type { EntryCard } from '../../../shared/contracts/editor';
import { useDragAndDrop } from '../hooks/useDragAndDrop';
import { useKeyboardMoves, type MoveKind } from '../hooks/useKeyboardMoves';
import { MoveHandle } from './MoveHandle';
import type { Reordering } from './moves';
import { OrphanLinks } from './OrphanLinks';
import { SectionBox } from './SectionBox';

interface SectionsProps extends Reordering {
  names: Map<string, string>;
  cards: Map<string, EntryCard>;
  /** Links whose section was deleted: shown, but they block reordering until they get one. */
  orphans: EntryCard[];
  canReorder: boolean;
}

/**
 * The roundup's sections in order, each with its links as cards. Links move
 * by drag and drop or by keyboard (Space or Enter to pick up, arrows to
 * move, Space or Enter to drop, Escape to put back); sections move the same
 * way by their handle.
 */
export const Sections = ({
  order,
  names,
  cards,
  orphans,
  canReorder,
  onPreview,
  onCommit,
}: SectionsProps) => {
  const sectionName = (category: string) => names.get(category) ?? category;
  const keyboard = useKeyboardMoves({ order, sectionName, onPreview, onCommit });
  const dnd = useDragAndDrop({ order, onCommit });
  const handle = (kind: MoveKind, id: string, label: string) => (
    <MoveHandle kind={kind} id={id} label={label} keyboard={keyboard} />
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <VisuallyHidden aria-live="assertive">{keyboard.announcement}</VisuallyHidden>
      {order.map((section, index) => (
        <SectionBox
          key={section.category}
          section={section}
          index={index}
          name={sectionName(section.category)}
          cards={cards}
          canReorder={canReorder}
          dnd={dnd}
          handle={handle}
        />
      ))}
      <OrphanLinks orphans={orphans} />
    </Flex>
  );
};
