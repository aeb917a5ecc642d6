import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { errorMessage } from '../api/errors';

/** Shows a failed admin API call as the admin panel's danger notification, with the server's message. */
export const useErrorNotification = () => {
  const { toggleNotification } = useNotification();
  return React.useCallback(
    (error: unknown) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    [toggleNotification]
  );
};
