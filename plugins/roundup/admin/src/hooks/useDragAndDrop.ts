import * as React from 'react';
import { moveEntry, type Reordering, type SectionOrder } from '../editor/moves';
import { placeSection } from '../editor/section-moves';
import type { MoveKind } from './useKeyboardMoves';

type DropTarget =
  | { kind: 'entry'; category: string; index: number }
  | { kind: 'section'; category: string; after: boolean }
  | null;

const DRAG_TYPE = 'application/x-roundup-move';

/** The half of an element the pointer is over: drop before it or after it. */
const afterMiddle = (event: React.DragEvent<HTMLElement>) => {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY > box.top + box.height / 2;
};

/**
 * Drag and drop of links (onto another link, or the empty end of a section)
 * and of sections (by their heading, onto another section's upper or lower
 * half, becoming its sibling). Returns the event handlers for each element and where the dragged
 * item would land, to draw the drop line.
 */
export const useDragAndDrop = ({ order, onCommit }: Omit<Reordering, 'onPreview'>) => {
  const [dragging, setDragging] = React.useState<{ kind: MoveKind; id: string } | null>(null);
  const [target, setTarget] = React.useState<DropTarget>(null);

  const endDrag = () => {
    setDragging(null);
    setTarget(null);
  };

  const drop = () => {
    if (!dragging || !target) return endDrag();
    const next =
      dragging.kind === 'entry' && target.kind === 'entry'
        ? moveEntry(order, dragging.id, target.category, target.index)
        : dragging.kind === 'section' && target.kind === 'section'
          ? placeSection(order, dragging.id, target.category, target.after)
          : order;
    endDrag();
    if (next !== order) onCommit(next);
  };

  const start = (kind: MoveKind, id: string) => (event: React.DragEvent<HTMLElement>) => {
    if (kind === 'entry') event.stopPropagation();
    event.dataTransfer.setData(DRAG_TYPE, id);
    event.dataTransfer.effectAllowed = 'move';
    setDragging({ kind, id });
  };

  /** Handles a drop of a `kind` item here; anything else dragged passes through. */
  const dropHere = (kind: MoveKind, stop: boolean) => (event: React.DragEvent<HTMLElement>) => {
    if (dragging?.kind !== kind) return;
    event.preventDefault();
    if (stop) event.stopPropagation();
    drop();
  };

  const entryTarget = (category: string, index: number) =>
    target?.kind === 'entry' && target.category === category && target.index === index;

  return {
    /** The link or section being dragged. */
    dragging,
    /** A section's box: sections drop on its upper or lower half (the innermost box under the pointer). */
    sectionBox: (category: string) => ({
      onDragOver: (event: React.DragEvent<HTMLElement>) => {
        if (dragging?.kind !== 'section') return;
        event.preventDefault();
        event.stopPropagation();
        setTarget({ kind: 'section', category, after: afterMiddle(event) });
      },
      onDrop: dropHere('section', true),
    }),
    /** A section's heading, by which it is dragged. */
    sectionHandle: (category: string) => ({
      onDragStart: start('section', category),
      onDragEnd: endDrag,
    }),
    /** A section's list of links: over the list but not over a link is the end of the section. */
    entryList: (section: SectionOrder) => ({
      onDragOver: (event: React.DragEvent<HTMLElement>) => {
        if (dragging?.kind !== 'entry') return;
        event.preventDefault();
        if (event.target === event.currentTarget) {
          setTarget({ kind: 'entry', category: section.category, index: section.entries.length });
        }
      },
      onDrop: dropHere('entry', true),
    }),
    /** One link: dragged itself, and links drop on its upper or lower half. */
    entryItem: (category: string, index: number, id: string) => ({
      onDragStart: start('entry', id),
      onDragEnd: endDrag,
      onDragOver: (event: React.DragEvent<HTMLElement>) => {
        if (dragging?.kind !== 'entry') return;
        event.preventDefault();
        event.stopPropagation();
        setTarget({ kind: 'entry', category, index: afterMiddle(event) ? index + 1 : index });
      },
      onDrop: dropHere('entry', true),
    }),
    /** Whether a section dropped now lands just above (`before`) or below (`after`) section `category`. */
    sectionDropAt: (category: string) => ({
      before: target?.kind === 'section' && target.category === category && !target.after,
      after: target?.kind === 'section' && target.category === category && target.after,
    }),
    /** Whether a link dropped now lands just above (`before`) or below (`after`) the link at `index`. */
    entryDropAt: (section: SectionOrder, index: number) => ({
      before: entryTarget(section.category, index),
      after:
        index === section.entries.length - 1 &&
        entryTarget(section.category, section.entries.length),
    }),
  };
};

export type DragAndDrop = ReturnType<typeof useDragAndDrop>;
