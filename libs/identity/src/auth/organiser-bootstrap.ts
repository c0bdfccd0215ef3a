import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppConfig } from '@roundtable/core';
import { AuthService } from './auth.service';

/** Makes sure the organiser named by ADMIN_EMAIL / ADMIN_PASSWORD exists, at every boot. */
@Injectable()
export class OrganiserBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganiserBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    try {
      await this.auth.ensureOrganiser(email, password);
    } catch (err) {
      // another process booting at the same moment created it first
      if (!(err instanceof QueryFailedError)) throw err;
      this.logger.debug(`organiser ${email} was created concurrently`);
    }
  }
}
