import * as React from 'react';
import { Badge, Box, Flex, IconButton, Typography, VisuallyHidden } from '@strapi/design-system';
import { Drag, WarningCircle } from '@strapi/icons';
import { Link } from 'react-router-dom';
import type { EntryCard } from '../pages/api';
import { useT } from '../utils/useT';
import { moveEntry, moveSection, stepEntry, stepSection, type Order } from './moves';

type Grab = { kind: 'entry' | 'section'; id: string; before: Order } | null;
type DropTarget =
  { kind: 'entry'; category: string; index: number } | { kind: 'section'; index: number } | null;

interface SectionsProps {
  order: Order;
  names: Map<string, string>;
  cards: Map<string, EntryCard>;
  /** Links whose section was deleted: shown, but they block reordering until they get one. */
  orphans: EntryCard[];
  canReorder: boolean;
  /** Shows a new order at once (while an entry is held with the keyboard, say). */
  onPreview: (order: Order) => void;
  /** Saves a new order. */
  onCommit: (order: Order) => void;
}

const DRAG_TYPE = 'application/x-roundup-move';

/** The half of an element the pointer is over: drop before it or after it. */
const afterMiddle = (event: React.DragEvent<HTMLElement>) => {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY > box.top + box.height / 2;
};

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
  const t = useT();
  const [grab, setGrab] = React.useState<Grab>(null);
  const [dragging, setDragging] = React.useState<{ kind: 'entry' | 'section'; id: string } | null>(
    null
  );
  const [target, setTarget] = React.useState<DropTarget>(null);
  const [announcement, setAnnouncement] = React.useState('');
  const handles = React.useRef(new Map<string, HTMLButtonElement>());
  const grabRef = React.useRef<Grab>(null);
  grabRef.current = grab;

  // Keep focus on the moved item's handle when it is re-rendered elsewhere.
  React.useLayoutEffect(() => {
    if (grab) handles.current.get(`${grab.kind}:${grab.id}`)?.focus();
  }, [order, grab]);

  const sectionName = (category: string) => names.get(category) ?? category;
  const where = (next: Order, id: string) => {
    const section = next.find((s) => s.entries.includes(id));
    if (!section) return '';
    return t('move.position', 'position {index} of {count} in {section}', {
      index: section.entries.indexOf(id) + 1,
      count: section.entries.length,
      section: sectionName(section.category),
    });
  };

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
          ? moveSection(
              order,
              dragging.id,
              target.index > order.findIndex((s) => s.category === dragging.id)
                ? target.index - 1
                : target.index
            )
          : order;
    endDrag();
    if (next !== order) onCommit(next);
  };

  const onHandleKey =
    (kind: 'entry' | 'section', id: string, label: string) => (event: React.KeyboardEvent) => {
      const held = grab && grab.kind === kind && grab.id === id;
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        if (!held) {
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
        return;
      }
      if (!held) return;
      if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
        event.preventDefault();
        const direction = event.key === 'ArrowUp' ? -1 : 1;
        const next =
          kind === 'entry' ? stepEntry(order, id, direction) : stepSection(order, id, direction);
        onPreview(next);
        setAnnouncement(
          kind === 'entry'
            ? `${label}: ${where(next, id)}`
            : t('move.section-position', '{label}: section {index} of {count}', {
                label,
                index: next.findIndex((s) => s.category === id) + 1,
                count: next.length,
              })
        );
      } else if (event.key === 'Escape') {
        event.preventDefault();
        onPreview(grab.before);
        setGrab(null);
        setAnnouncement(t('move.cancelled', 'Move of {label} cancelled.', { label }));
      }
    };

  const handle = (kind: 'entry' | 'section', id: string, label: string) => (
    <IconButton
      ref={(node: HTMLButtonElement | null) => {
        if (node) handles.current.set(`${kind}:${id}`, node);
        else handles.current.delete(`${kind}:${id}`);
      }}
      label={t(kind === 'entry' ? 'move.entry' : 'move.section', 'Move {label}', { label })}
      variant="ghost"
      aria-pressed={Boolean(grab && grab.kind === kind && grab.id === id)}
      onKeyDown={onHandleKey(kind, id, label)}
      onBlur={() => {
        // A move re-renders the handle elsewhere and focus follows it; only leaving it for good puts the item back.
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
      }}
      style={{ cursor: 'grab' }}
    >
      <Drag />
    </IconButton>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <VisuallyHidden aria-live="assertive">{announcement}</VisuallyHidden>
      {order.map((section, sectionIndex) => {
        const name = sectionName(section.category);
        const sectionDrop = target?.kind === 'section' && target.index === sectionIndex;
        return (
          <Box
            key={section.category}
            tag="section"
            aria-label={name}
            data-section={section.category}
            background="neutral0"
            shadow="tableShadow"
            hasRadius
            padding={4}
            style={{ borderTop: sectionDrop ? '3px solid #4945ff' : '3px solid transparent' }}
            onDragOver={(event: React.DragEvent<HTMLElement>) => {
              if (dragging?.kind !== 'section') return;
              event.preventDefault();
              setTarget({
                kind: 'section',
                index: afterMiddle(event) ? sectionIndex + 1 : sectionIndex,
              });
            }}
            onDrop={(event: React.DragEvent<HTMLElement>) => {
              if (dragging?.kind !== 'section') return;
              event.preventDefault();
              drop();
            }}
          >
            <Flex
              gap={2}
              paddingBottom={3}
              draggable={canReorder}
              data-section-handle={section.category}
              onDragStart={(event: React.DragEvent<HTMLElement>) => {
                event.dataTransfer.setData(DRAG_TYPE, section.category);
                event.dataTransfer.effectAllowed = 'move';
                setDragging({ kind: 'section', id: section.category });
              }}
              onDragEnd={endDrag}
            >
              {canReorder && handle('section', section.category, name)}
              <Typography variant="delta" tag="h2">
                {name}
              </Typography>
              <Badge>{section.entries.length}</Badge>
            </Flex>
            <Box
              tag="ol"
              data-section-list={section.category}
              style={{ listStyle: 'none', minHeight: 48, margin: 0, padding: 0 }}
              onDragOver={(event: React.DragEvent<HTMLElement>) => {
                if (dragging?.kind !== 'entry') return;
                event.preventDefault();
                // Over the list but not over a card: the end of this section.
                if (event.target === event.currentTarget) {
                  setTarget({
                    kind: 'entry',
                    category: section.category,
                    index: section.entries.length,
                  });
                }
              }}
              onDrop={(event: React.DragEvent<HTMLElement>) => {
                if (dragging?.kind !== 'entry') return;
                event.preventDefault();
                event.stopPropagation();
                drop();
              }}
            >
              {section.entries.length === 0 && (
                <Box
                  padding={3}
                  hasRadius
                  borderStyle="dashed"
                  borderWidth="1px"
                  borderColor="neutral300"
                >
                  <Typography textColor="neutral600">
                    {canReorder
                      ? t('editor.empty-section', 'No links in this section. Drop a link here.')
                      : t('editor.empty-section-read', 'No links in this section.')}
                  </Typography>
                </Box>
              )}
              {section.entries.map((id, index) => {
                const card = cards.get(id);
                if (!card) return null;
                const before =
                  target?.kind === 'entry' &&
                  target.category === section.category &&
                  target.index === index;
                const after =
                  target?.kind === 'entry' &&
                  target.category === section.category &&
                  target.index === section.entries.length &&
                  index === section.entries.length - 1;
                return (
                  <li
                    key={id}
                    data-entry={id}
                    aria-label={card.title}
                    draggable={canReorder}
                    onDragStart={(event) => {
                      event.stopPropagation();
                      event.dataTransfer.setData(DRAG_TYPE, id);
                      event.dataTransfer.effectAllowed = 'move';
                      setDragging({ kind: 'entry', id });
                    }}
                    onDragEnd={endDrag}
                    onDragOver={(event) => {
                      if (dragging?.kind !== 'entry') return;
                      event.preventDefault();
                      event.stopPropagation();
                      setTarget({
                        kind: 'entry',
                        category: section.category,
                        index: afterMiddle(event) ? index + 1 : index,
                      });
                    }}
                    onDrop={(event) => {
                      if (dragging?.kind !== 'entry') return;
                      event.preventDefault();
                      event.stopPropagation();
                      drop();
                    }}
                    style={{
                      borderTop: before ? '3px solid #4945ff' : '3px solid transparent',
                      borderBottom: after ? '3px solid #4945ff' : '3px solid transparent',
                      opacity: dragging?.id === id ? 0.5 : 1,
                    }}
                  >
                    <Card
                      card={card}
                      handle={canReorder ? handle('entry', id, card.title) : null}
                    />
                  </li>
                );
              })}
            </Box>
          </Box>
        );
      })}
      {orphans.length > 0 && (
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
      )}
    </Flex>
  );
};

/** One link: title, host, author, the first line of commentary, and where else it appears. */
export const Card = ({
  card,
  handle,
  action,
}: {
  card: EntryCard;
  handle: React.ReactNode;
  action?: React.ReactNode;
}) => {
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
