import type { AccountView } from '../../shared/account';
import { TesseraError } from '../../shared/errors';
import type { Organisation, SortMode } from '../../shared/organisation';
import { toView, type AccountRepository } from './account-repository';
import { normaliseIcon } from './icon-image';
import type { OrganisationRepository } from './organisation-repository';

type Clock = () => number;

const notFound = () => new TesseraError('NOT_FOUND', 'That account no longer exists.');

/**
 * Tags, favourites, manual order, last use, custom icons and the sort. Inputs arrive validated
 * against the contract (src/shared/organisation.ts); what is checked here needs the database.
 */
export function createOrganisationService(
  accounts: AccountRepository,
  organisation: OrganisationRepository,
  clock: Clock,
) {
  const viewOf = (id: string): AccountView => {
    const account = accounts.get(id);
    if (!account) throw notFound();
    return toView(account, organisation.get(id));
  };
  const patch = (id: string, changes: Partial<Organisation>): AccountView => {
    if (!organisation.patch(id, changes)) throw notFound();
    return viewOf(id);
  };

  return {
    setFavourite: (id: string, favourite: boolean) => patch(id, { favourite }),
    setTags: (id: string, tags: string[]) => patch(id, { tags }),
    move(id: string, anchorId: string, place: 'before' | 'after'): { order: string[] } {
      if (id === anchorId) {
        throw new TesseraError('MOVE_INVALID', 'An account cannot be moved next to itself.');
      }
      const order = organisation.move(id, anchorId, place);
      if (!order) throw notFound();
      return { order };
    },
    markUsed(id: string): { id: string; lastUsedAt: string } {
      const lastUsedAt = new Date(clock()).toISOString();
      if (!organisation.patch(id, { lastUsedAt })) throw notFound();
      return { id, lastUsedAt };
    },
    async setIcon(id: string, dataBase64: string): Promise<AccountView> {
      viewOf(id); // an unknown id is refused before any decoding work
      const customIcon = await normaliseIcon(Buffer.from(dataBase64, 'base64'));
      return patch(id, { customIcon });
    },
    clearIcon: (id: string) => patch(id, { customIcon: null }),
    getSort: (): { sort: SortMode } => ({ sort: organisation.getSort() }),
    setSort(sort: SortMode): { sort: SortMode } {
      organisation.setSort(sort);
      return { sort };
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
