import { createAdminService, type AdminService } from '../admin/admin-service';
import {
  createClientsService,
  type ClientsService,
  type Principal,
} from '../admin/clients-service';
import { deriveKey } from '../keychain/master-key';
import type { Caller } from '../mfa/caller';
import { createEnrollmentService, type EnrollmentService } from '../mfa/enrollment-service';
import { startFactorWarmUp } from '../mfa/factor-warm-up';
import { createMfaContext, type MfaContext } from '../mfa/mfa-context';
import { createUserService, type UserService } from '../mfa/user-service';
import { createVerifyService, type VerifyService } from '../mfa/verify-service';
import { startWalCheckpointer, type WalCheckpointer } from '../mfa/wal-checkpointer';
import type { Db } from '../store/database';

/** The services behind the API and the `tessera clients` commands, over one open database. */
export interface MfaServices {
  ctx: MfaContext;
  users: UserService;
  enrollment: EnrollmentService;
  verify: VerifyService;
  clients: ClientsService;
  admin: AdminService;
  /** Moves WAL checkpoints off the request thread (the server calls it; CLI commands do not). */
  startCheckpointer(): WalCheckpointer;
  /** Moves the TOTP codes' HMACs off the request thread (the server calls it too). */
  startCodesAhead(): { stop(): Promise<void> };
  /** Fills the factor cache with the enrolled users, in the background (the server calls it). */
  startFactorWarmUp(): { stop(): void };
}

export interface MfaHost {
  db: Db;
  masterKey: Buffer;
  config: { clock: () => number };
}

export function createMfaServices(app: MfaHost): MfaServices {
  const ctx = createMfaContext(app.db, app.masterKey, app.config.clock);
  return {
    ctx,
    users: createUserService(ctx),
    enrollment: createEnrollmentService(ctx),
    verify: createVerifyService(ctx),
    clients: createClientsService(ctx),
    admin: createAdminService(ctx),
    startCheckpointer: () =>
      startWalCheckpointer(app.db, deriveKey(app.masterKey, 'database'), ctx.gate),
    startCodesAhead: () => ctx.codesAhead.start(),
    startFactorWarmUp: () => startFactorWarmUp(ctx),
  };
}

export function callerOf(principal: Principal): Caller {
  return {
    clientId: principal.clientId,
    clientName: principal.clientName,
    actor: `${principal.scope}:${principal.clientId}`,
    policy: principal.policy,
  };
}
