import type * as React from 'react';
import { Box, Typography } from '@strapi/design-system';

/** What a list inside a panel shows while it is empty: a dashed box saying what goes there. */
export const EmptyNote = ({ children }: { children: React.ReactNode }) => (
  <Box padding={3} hasRadius borderStyle="dashed" borderWidth="1px" borderColor="neutral300">
    <Typography textColor="neutral600">{children}</Typography>
  </Box>
);
