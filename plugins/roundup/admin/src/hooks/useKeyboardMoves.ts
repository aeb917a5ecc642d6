import * as React from 'react';
import { stepEntry, type Order, type Reordering } from '../editor/moves';
import { indentSection, outdentSection, stepSection } from '../editor/section-moves';
import { useT } from './useT';

export type MoveKind = 'entry' | 'section';

type Grab = { kind: MoveKind; id: string; before: Order } | null;

interface KeyboardMovesOptions extends Reordering {
  /** How announcements name a section. */
  sectionName: (category: string) => string;
}

/**
 * Moves by keyboard on a link's or section's handle: Space or Enter picks it
 * up, the arrows move it (a section: up and down among its siblings, right
 * under the section above, left out of its parent), Space or Enter drops it,
 * Escape (or leaving the handle) puts it back. Each step is announced to
 * screen readers.
 */
export const useKeyboardMoves = ({
  order,
  sectionName,
  onPreview,
  onCommit,
}: KeyboardMovesOptions) => {
  const t = useT();
  const [grab, setGrab] = React.useState<Grab>(null);
  const [announcement, setAnnouncement] = React.useState('');
  const handles = React.useRef(new Map<string, HTMLButtonElement>());
  const grabRef = React.useRef<Grab>(null);
  grabRef.current = grab;

  // Keep focus on the moved item's handle when it is re-rendered elsewhere.
  React.useLayoutEffect(() => {
    if (grab) handles.current.get(`${grab.kind}:${grab.id}`)?.focus();
  }, [order, grab]);

  const where = (next: Order, id: string) => {
    const section = next.find((s) => s.entries.includes(id));
    if (!section) return '';
    return t('move.position', 'position {index} of {count} in {section}', {
      index: section.entries.indexOf(id) + 1,
      count: section.entries.length,
      section: sectionName(section.category),
    });
  };

  const isHeld = (kind: MoveKind, id: string) =>
    Boolean(grab && grab.kind === kind && grab.id === id);

  const pickUpOrDrop = (kind: MoveKind, id: string, label: string) => {
    if (!isHeld(kind, id)) {
      setGrab({ kind, id, before: order });
      setAnnouncement(
        t(
          'move.grabbed',
          '{label} picked up. Use the arrow keys to move it, Space to drop it, Escape to cancel.',
          { label }
        )
      );
    } else {
      setGrab(null);
      setAnnouncement(t('move.dropped', '{label} dropped.', { label }));
      onCommit(order);
    }
  };

  /** Where section `id` stands in `next`: its place among its siblings, and under which section. */
  const sectionWhere = (next: Order, id: string, label: string) => {
    const parent = next.find((s) => s.category === id)?.parent ?? null;
    const siblings = next.filter((s) => (s.parent ?? null) === parent);
    const values = {
      label,
      index: siblings.findIndex((s) => s.category === id) + 1,
      count: siblings.length,
    };
    return parent
      ? t('move.subsection-position', '{label}: subsection {index} of {count} under {parent}', {
          ...values,
          parent: sectionName(parent),
        })
      : t('move.section-position', '{label}: section {index} of {count}', values);
  };

  const step = (kind: MoveKind, id: string, label: string, key: string) => {
    const direction = key === 'ArrowUp' ? -1 : 1;
    const next =
      kind === 'entry'
        ? stepEntry(order, id, direction)
        : key === 'ArrowRight'
          ? indentSection(order, id)
          : key === 'ArrowLeft'
            ? outdentSection(order, id)
            : stepSection(order, id, direction);
    onPreview(next);
    setAnnouncement(
      kind === 'entry' ? `${label}: ${where(next, id)}` : sectionWhere(next, id, label)
    );
  };

  const onKeyDown = (kind: MoveKind, id: string, label: string) => (event: React.KeyboardEvent) => {
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      pickUpOrDrop(kind, id, label);
      return;
    }
    if (!grab || !isHeld(kind, id)) return;
    const sideways =
      kind === 'section' && (event.key === 'ArrowLeft' || event.key === 'ArrowRight');
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown' || sideways) {
      event.preventDefault();
      step(kind, id, label, event.key);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onPreview(grab.before);
      setGrab(null);
      setAnnouncement(t('move.cancelled', 'Move of {label} cancelled.', { label }));
    }
  };

  // A move re-renders the handle elsewhere and focus follows it; only leaving it for good puts the item back.
  const onBlur = (kind: MoveKind, id: string) => () => {
    const held = grabRef.current;
    if (!held || held.kind !== kind || held.id !== id) return;
    window.setTimeout(() => {
      if (
        grabRef.current === held &&
        document.activeElement !== handles.current.get(`${kind}:${id}`)
      ) {
        onPreview(held.before);
        setGrab(null);
      }
    }, 0);
  };

  const register = (kind: MoveKind, id: string) => (node: HTMLButtonElement | null) => {
    if (node) handles.current.set(`${kind}:${id}`, node);
    else handles.current.delete(`${kind}:${id}`);
  };

  return {
    /** What the last key did, for an `aria-live` region. */
    announcement,
    /** Where a section stands, as the announcements say it. */
    sectionWhere,
    /** Shows what a button's move did to a section, as a key would have. */
    announce: setAnnouncement,
    /** What a handle needs to move its item by keyboard. */
    handleProps: (kind: MoveKind, id: string, label: string) => ({
      ref: register(kind, id),
      'aria-pressed': isHeld(kind, id),
      onKeyDown: onKeyDown(kind, id, label),
      onBlur: onBlur(kind, id),
    }),
  };
};
