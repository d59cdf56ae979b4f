import type { AccountView } from '../../../shared/account';

/** What a row can ask the shell to do; the shell owns dialogs, the clipboard and messages. */
export interface RowActions {
  copy(account: AccountView, code: string): void;
  edit(account: AccountView): void;
  remove(account: AccountView): void;
  hotpNext(account: AccountView): Promise<void>;
  toggleFavourite(account: AccountView): void;
}
