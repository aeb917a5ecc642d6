import * as React from 'react';
import { Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import type { EditorSection, EntryCard } from '../../../shared/contracts/editor';
import { useDragAndDrop } from '../hooks/useDragAndDrop';
import { useKeyboardMoves, type MoveKind } from '../hooks/useKeyboardMoves';
import { useT } from '../hooks/useT';
import { MoveHandle } from './MoveHandle';
import type { Order, Reordering } from './moves';
import { OrphanLinks } from './OrphanLinks';
import { SectionBox } from './SectionBox';
import { indentSection, outdentSection, sectionTree, type SectionNode } from './section-moves';
import { SectionText, type SectionTextProps } from './SectionText';

interface SectionsProps extends Reordering {
  names: Map<string, string>;
  cards: Map<string, EntryCard>;
  /** This roundup's note and heading link per section. */
  texts: Map<string, Pick<EditorSection, 'note' | 'link'>>;
  /** Links whose section was deleted: shown, but they block reordering until they get one. */
  orphans: EntryCard[];
  canReorder: boolean;
  /** Saves a section's note and heading link; absent when the editor may not. */
  onSaveText?: SectionTextProps['onSave'];
}

/**
 * The roundup's sections as their tree, each with its links as cards and its
 * subsections inside it. Links move by drag and drop or by keyboard (Space or
 * Enter to pick up, arrows to move, Space or Enter to drop, Escape to put
 * back); sections move the same way by their handle, Right and Left (or their
 * arrow buttons) moving them under the section above or out of their parent.
 */
export const Sections = ({
  order,
  names,
  cards,
  texts,
  orphans,
  canReorder,
  onPreview,
  onCommit,
  onSaveText,
}: SectionsProps) => {
  const t = useT();
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(new Set());
  const sectionName = (category: string) => names.get(category) ?? category;
  // A section moved under a folded parent unfolds it, so that it (and its held handle) stays in view.
  const revealing = (show: (next: Order) => void) => (next: Order) => {
    const parentBefore = new Map(order.map((s) => [s.category, s.parent ?? null]));
    const newParents = next.flatMap((s) =>
      s.parent && s.parent !== parentBefore.get(s.category) ? [s.parent] : []
    );
    if (newParents.some((parent) => collapsed.has(parent))) {
      setCollapsed(new Set([...collapsed].filter((id) => !newParents.includes(id))));
    }
    show(next);
  };
  const keyboard = useKeyboardMoves({
    order,
    sectionName,
    onPreview: revealing(onPreview),
    onCommit: revealing(onCommit),
  });
  const dnd = useDragAndDrop({ order, onCommit: revealing(onCommit) });
  const handle = (kind: MoveKind, id: string, label: string) => (
    <MoveHandle kind={kind} id={id} label={label} keyboard={keyboard} />
  );

  const toggle = (category: string) =>
    setCollapsed((now) => {
      const next = new Set(now);
      if (!next.delete(category)) next.add(category);
      return next;
    });
  const moveBy = (category: string, move: (order: Order, category: string) => Order) => () => {
    const next = move(order, category);
    if (next === order) return;
    keyboard.announce(keyboard.sectionWhere(next, category, sectionName(category)));
    revealing(onCommit)(next);
  };

  const render = (nodes: SectionNode[], depth: number): React.ReactNode =>
    nodes.map(({ section, children }, index) => {
      const { category } = section;
      const name = sectionName(category);
      const text = texts.get(category);
      return (
        <SectionBox
          key={category}
          section={section}
          name={name}
          depth={depth}
          cards={cards}
          canReorder={canReorder}
          dnd={dnd}
          handle={handle}
          expanded={children.length > 0 ? !collapsed.has(category) : undefined}
          onToggle={() => toggle(category)}
          onIndent={index > 0 ? moveBy(category, indentSection) : undefined}
          onOutdent={depth > 1 ? moveBy(category, outdentSection) : undefined}
          text={
            onSaveText && (
              <SectionText
                category={category}
                name={name}
                note={text?.note ?? null}
                link={text?.link ?? null}
                onSave={onSaveText}
              />
            )
          }
        >
          {children.length > 0 && render(children, depth + 1)}
        </SectionBox>
      );
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <VisuallyHidden aria-live="assertive">{keyboard.announcement}</VisuallyHidden>
      {canReorder && (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t(
            'editor.tree-help',
            'Moving a section under another (Right arrow while it is picked up, or its arrow button) changes the shared section: it stands under that section in every roundup that has both.'
          )}
        </Typography>
      )}
      {render(sectionTree(order), 1)}
      <OrphanLinks orphans={orphans} />
    </Flex>
  );
};
