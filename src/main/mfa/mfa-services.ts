import { createAdminService, type AdminService } from './admin-service';
import type { Caller } from './caller';
import { createClientsService, type ClientsService, type Principal } from './clients-service';
import { createEnrollmentService, type EnrollmentService } from './enrollment-service';
import type { MfaCore } from './mfa-core';
import { createMfaKeys } from './mfa-keys';
import type { MfaStore } from './store/mfa-store';
import { createUserService, type UserService } from './user-service';
import { createVerifyService, type VerifyService } from './verify-service';

/**
 * The MFA server: every service over one store. The services hold no state that decides
 * anything (see store/mfa-store.ts), so any number of these, in any number of processes, on one
 * database behave as one server.
 */
export interface MfaServices {
  core: MfaCore;
  users: UserService;
  enrollment: EnrollmentService;
  verify: VerifyService;
  clients: ClientsService;
  admin: AdminService;
}

export interface MfaServicesOptions {
  store: MfaStore;
  masterKey: Buffer;
  clock: () => number;
}

export function createMfaServices({ store, masterKey, clock }: MfaServicesOptions): MfaServices {
  const core: MfaCore = { store, keys: createMfaKeys(masterKey), clock };
  return {
    core,
    users: createUserService(core),
    enrollment: createEnrollmentService(core),
    verify: createVerifyService(core),
    clients: createClientsService(core),
    admin: createAdminService(core),
  };
}

/** The caller of the user routes: the authenticated client, named `client:<id>` in the audit. */
export function callerOf(principal: Principal): Caller {
  return {
    clientId: principal.clientId,
    clientName: principal.clientName,
    actor: `${principal.scope}:${principal.clientId}`,
    policy: principal.policy,
  };
}
