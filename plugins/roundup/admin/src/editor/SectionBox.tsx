import type * as React from 'react';
import { Box, Flex } from '@strapi/design-system';
import type { EntryCard } from '../../../shared/contracts/editor';
import { EmptyNote } from '../components/EmptyNote';
import type { DragAndDrop } from '../hooks/useDragAndDrop';
import { useT } from '../hooks/useT';
import { Card } from './Card';
import type { SectionOrder } from './moves';
import { SectionHeading, type TreeMoves } from './SectionHeading';

const DROP_LINE = '3px solid #4945ff';
const NO_LINE = '3px solid transparent';

interface SectionBoxProps extends TreeMoves {
  section: SectionOrder;
  name: string;
  /** 1 at the top, 2 under a top-level section… */
  depth: number;
  cards: Map<string, EntryCard>;
  canReorder: boolean;
  dnd: DragAndDrop;
  /** The move handle of the section (`kind: 'section'`) or of one of its links. */
  handle: (kind: 'entry' | 'section', id: string, label: string) => React.ReactNode;
  /** Whether its subsections show; undefined when it has none. */
  expanded?: boolean;
  onToggle: () => void;
  /** This roundup's note and heading link of the section, when the editor may change them. */
  text?: React.ReactNode;
  /** Its subsections, shown indented inside it unless collapsed. */
  children?: React.ReactNode;
}

/**
 * One section of the roundup: its heading (name, number of links, level moves),
 * this roundup's note and heading link, its links in order, then its subsections.
 */
export const SectionBox = ({
  section,
  name,
  depth,
  cards,
  canReorder,
  dnd,
  handle,
  expanded,
  onToggle,
  onIndent,
  onOutdent,
  text,
  children,
}: SectionBoxProps) => {
  const t = useT();
  const drop = dnd.sectionDropAt(section.category);
  return (
    <Box
      tag="section"
      aria-label={name}
      data-section={section.category}
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={4}
      data-depth={depth}
      style={{
        borderTop: drop.before ? DROP_LINE : NO_LINE,
        borderBottom: drop.after ? DROP_LINE : NO_LINE,
      }}
      {...dnd.sectionBox(section.category)}
    >
      <Flex
        paddingBottom={3}
        draggable={canReorder}
        data-section-handle={section.category}
        {...dnd.sectionHandle(section.category)}
      >
        <SectionHeading
          name={name}
          depth={depth}
          links={section.entries.length}
          handle={canReorder ? handle('section', section.category, name) : null}
          expanded={expanded}
          onToggle={onToggle}
          onIndent={canReorder ? onIndent : undefined}
          onOutdent={canReorder ? onOutdent : undefined}
        />
      </Flex>
      {text}
      <Box
        tag="ol"
        data-section-list={section.category}
        style={{ listStyle: 'none', minHeight: 48, margin: 0, padding: 0 }}
        {...dnd.entryList(section)}
      >
        {section.entries.length === 0 && (
          <EmptyNote>
            {canReorder
              ? t('editor.empty-section', 'No links in this section. Drop a link here.')
              : t('editor.empty-section-read', 'No links in this section.')}
          </EmptyNote>
        )}
        {section.entries.map((id, entryIndex) => {
          const card = cards.get(id);
          if (!card) return null;
          const { before, after } = dnd.entryDropAt(section, entryIndex);
          return (
            <li
              key={id}
              data-entry={id}
              aria-label={card.title}
              draggable={canReorder}
              {...dnd.entryItem(section.category, entryIndex, id)}
              style={{
                borderTop: before ? DROP_LINE : NO_LINE,
                borderBottom: after ? DROP_LINE : NO_LINE,
                opacity: dnd.dragging?.id === id ? 0.5 : 1,
              }}
            >
              <Card card={card} handle={canReorder ? handle('entry', id, card.title) : null} />
            </li>
          );
        })}
      </Box>
      {children && expanded && (
        <Flex
          direction="column"
          alignItems="stretch"
          gap={3}
          paddingTop={3}
          paddingLeft={6}
          role="group"
          aria-label={t('section.subsections', 'Subsections of {name}', { name })}
        >
          {children}
        </Flex>
      )}
    </Box>
  );
};
