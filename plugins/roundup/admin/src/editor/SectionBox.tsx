import type * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { EntryCard } from '../../../shared/contracts/editor';
import { EmptyNote } from '../components/EmptyNote';
import type { DragAndDrop } from '../hooks/useDragAndDrop';
import { useT } from '../hooks/useT';
import { Card } from './Card';
import type { SectionOrder } from './moves';

const DROP_LINE = '3px solid #4945ff';
const NO_LINE = '3px solid transparent';

interface SectionBoxProps {
  section: SectionOrder;
  index: number;
  name: string;
  cards: Map<string, EntryCard>;
  canReorder: boolean;
  dnd: DragAndDrop;
  /** The move handle of the section (`kind: 'section'`) or of one of its links. */
  handle: (kind: 'entry' | 'section', id: string, label: string) => React.ReactNode;
}

/** One section of the roundup: its name and number of links, then its links in order. */
export const SectionBox = ({
  section,
  index,
  name,
  cards,
  canReorder,
  dnd,
  handle,
}: SectionBoxProps) => {
  const t = useT();
  return (
    <Box
      tag="section"
      aria-label={name}
      data-section={section.category}
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={4}
      style={{ borderTop: dnd.sectionDropAt(index) ? DROP_LINE : NO_LINE }}
      {...dnd.sectionBox(index)}
    >
      <Flex
        gap={2}
        paddingBottom={3}
        draggable={canReorder}
        data-section-handle={section.category}
        {...dnd.sectionHandle(section.category)}
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
    </Box>
  );
};
