import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Ends what one capability holds of a deleted account, inside the deletion's transaction.
 * `shownAs` is the name the account's contributions are shown under from now on.
 */
export type AccountEraser = (manager: EntityManager, userId: string, shownAs: string) => Promise<void>;

/**
 * Account deletion reaches tables identity does not own (memberships and roles belong to
 * spaces, the event log to contributions) without identity importing those libs, which
 * import identity: each owner registers its eraser here when its module starts, and
 * `AccountDataService.delete` runs them all in its transaction.
 */
@Injectable()
export class AccountErasure {
  private readonly erasers = new Map<string, AccountEraser>();

  /** One eraser per owner (a lib name); registering again replaces it. */
  register(owner: string, eraser: AccountEraser): void {
    this.erasers.set(owner, eraser);
  }

  /** The owners whose erasers will run, for logs and tests. */
  owners(): string[] {
    return [...this.erasers.keys()].sort();
  }

  async erase(manager: EntityManager, userId: string, shownAs: string): Promise<void> {
    for (const eraser of this.erasers.values()) await eraser(manager, userId, shownAs);
  }
}
