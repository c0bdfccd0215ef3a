import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ApertiumProvider } from './apertium.provider';
import { TRANSLATION_PROVIDER, TranslationProvider } from './translation-provider';

/** Keeps Apertium's pipelines warm while the worker runs and stops them with it. */
@Injectable()
export class ProviderLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(TRANSLATION_PROVIDER) private readonly provider: TranslationProvider) {}

  onApplicationBootstrap(): void {
    if (this.provider instanceof ApertiumProvider) this.provider.warmUp();
  }

  onApplicationShutdown(): void {
    if (this.provider instanceof ApertiumProvider) this.provider.stop();
  }
}
