import { useEffect, useState } from 'react';
import type { ApiStatus } from '../../../shared/contract/app';
import { TesseraError } from '../../../shared/errors';
import { call } from '../bridge/bridge';
import { ErrorAlert } from '../ui/error-alert';

/**
 * The verification API runs beside the app; when another program holds its port the app keeps
 * working as an authenticator, but says so: a squatter could answer the API's clients instead.
 */
export function ApiStatusBanner() {
  const [status, setStatus] = useState<ApiStatus | undefined>();
  useEffect(() => {
    call('app.info', {}).then(
      (info) => setStatus(info.api),
      () => undefined, // The vault's own banner explains a failure to open.
    );
  }, []);
  if (status?.state !== 'failed') return null;
  return (
    <ErrorAlert
      error={new TesseraError(status.code, status.message)}
      title="The verification API is not running"
      advice="Applications that verify codes through Tessera cannot reach it until you free the port and restart Tessera."
    />
  );
}
