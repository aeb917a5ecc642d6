import * as React from 'react';

/**
 * A link to drag to the bookmarks bar. React warns about (and newer React
 * refuses) `javascript:` hrefs, so the bookmarklet is set on the element itself.
 */
export const BookmarkletLink = ({ href, label }: { href: string; label: string }) => {
  const ref = React.useRef<HTMLAnchorElement>(null);
  React.useEffect(() => {
    ref.current?.setAttribute('href', href);
  }, [href]);
  return (
    <a
      ref={ref}
      data-bookmarklet
      onClick={(event) => event.preventDefault()}
      style={{
        display: 'inline-block',
        padding: '6px 12px',
        borderRadius: 4,
        background: '#4945ff',
        color: '#fff',
        fontWeight: 600,
        textDecoration: 'none',
        cursor: 'grab',
      }}
    >
      {label}
    </a>
  );
};
