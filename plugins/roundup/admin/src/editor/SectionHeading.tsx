import type * as React from 'react';
import { Badge, Flex, IconButton, Typography } from '@strapi/design-system';
import { ArrowLeft, ArrowRight, ChevronDown, ChevronRight } from '@strapi/icons';
import { useT } from '../hooks/useT';

export interface TreeMoves {
  /** Under the sibling above; absent when there is none. */
  onIndent?: () => void;
  /** Out of its parent; absent at the top. */
  onOutdent?: () => void;
}

interface SectionHeadingProps extends TreeMoves {
  name: string;
  /** 1 at the top, 2 under a top-level section… */
  depth: number;
  links: number;
  /** The move handle, when the editor may reorder. */
  handle: React.ReactNode;
  /** Whether its subsections show; undefined when it has none. */
  expanded?: boolean;
  onToggle: () => void;
}

const HEADING_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** A section's heading row: its handle, the toggle of its subsections, its name and links, and the level moves. */
export const SectionHeading = ({
  name,
  depth,
  links,
  handle,
  expanded,
  onToggle,
  onIndent,
  onOutdent,
}: SectionHeadingProps) => {
  const t = useT();
  return (
    <Flex gap={2}>
      {handle}
      {expanded !== undefined && (
        <IconButton
          label={
            expanded
              ? t('section.collapse', 'Collapse {name}', { name })
              : t('section.expand', 'Expand {name}', { name })
          }
          aria-expanded={expanded}
          variant="ghost"
          onClick={onToggle}
        >
          {expanded ? <ChevronDown /> : <ChevronRight />}
        </IconButton>
      )}
      <Typography
        variant={depth === 1 ? 'delta' : 'epsilon'}
        tag={HEADING_TAGS[Math.min(depth, 5) - 1]}
      >
        {name}
      </Typography>
      <Badge>{links}</Badge>
      {onOutdent && (
        <IconButton
          label={t('section.outdent', 'Move {name} out of its parent section', { name })}
          variant="ghost"
          onClick={onOutdent}
        >
          <ArrowLeft />
        </IconButton>
      )}
      {onIndent && (
        <IconButton
          label={t('section.indent', 'Move {name} under the section above', { name })}
          variant="ghost"
          onClick={onIndent}
        >
          <ArrowRight />
        </IconButton>
      )}
    </Flex>
  );
};
