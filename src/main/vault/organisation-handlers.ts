import type { organisationChannels } from '../../shared/contract/organisation';
import type { Handlers } from '../../shared/contract/handlers';
import type { OrganisationService } from './organisation-service';

/** Router handlers for the organisation channels; app.ts spreads them into its router. */
export function organisationHandlers(
  organisation: OrganisationService,
): Pick<Handlers, keyof typeof organisationChannels> {
  return {
    'vault.setFavourite': ({ id, favourite }) => organisation.setFavourite(id, favourite),
    'vault.setTags': ({ id, tags }) => organisation.setTags(id, tags),
    'vault.move': ({ id, anchorId, place }) => organisation.move(id, anchorId, place),
    'vault.markUsed': ({ id }) => organisation.markUsed(id),
    'vault.setIcon': ({ id, dataBase64 }) => organisation.setIcon(id, dataBase64),
    'vault.clearIcon': ({ id }) => organisation.clearIcon(id),
    'vault.getSort': () => organisation.getSort(),
    'vault.setSort': ({ sort }) => organisation.setSort(sort),
  };
}
