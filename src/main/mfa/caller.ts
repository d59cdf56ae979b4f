import type { Policy } from '../../shared/api';

/** Who is asking: an authenticated API client (users are namespaced by its id) and its policy. */
export interface Caller {
  clientId: string;
  clientName: string;
  /** Recorded in the audit: `client:<id>`, `admin:<id>` or `console`. */
  actor: string;
  policy: Policy;
}
