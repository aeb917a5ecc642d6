import { IconButton } from '@strapi/design-system';
import { Drag } from '@strapi/icons';
import type { MoveKind, useKeyboardMoves } from '../hooks/useKeyboardMoves';
import { useT } from '../hooks/useT';

interface MoveHandleProps {
  kind: MoveKind;
  id: string;
  /** What moves: the link's title or the section's name. */
  label: string;
  keyboard: ReturnType<typeof useKeyboardMoves>;
}

/** The grip a link or section is moved by: dragged with the pointer, or held with the keyboard. */
export const MoveHandle = ({ kind, id, label, keyboard }: MoveHandleProps) => {
  const t = useT();
  return (
    <IconButton
      {...keyboard.handleProps(kind, id, label)}
      label={t(kind === 'entry' ? 'move.entry' : 'move.section', 'Move {label}', { label })}
      variant="ghost"
      style={{ cursor: 'grab' }}
    >
      <Drag />
    </IconButton>
  );
};
