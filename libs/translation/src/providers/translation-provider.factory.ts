import { Logger, Provider } from '@nestjs/common';
import { AppConfig } from '@roundtable/core';
import { APERTIUM_INSTALL_HINT, ApertiumProvider, parsePivots } from './apertium.provider';
import { DeepLProvider } from './deepl.provider';
import { LibreTranslateProvider } from './libretranslate.provider';
import { TRANSLATION_PROVIDER, TranslationProvider } from './translation-provider';

/** Builds the provider TRANSLATION_PROVIDER names (apertium by default). */
export function createTranslationProvider(config: AppConfig): TranslationProvider {
  switch (config.TRANSLATION_PROVIDER) {
    case 'libretranslate':
      return new LibreTranslateProvider(config.LIBRETRANSLATE_URL, config.LIBRETRANSLATE_API_KEY);
    case 'deepl':
      return new DeepLProvider(config.DEEPL_URL, config.DEEPL_API_KEY!);
    default: {
      const apertium = new ApertiumProvider(config.APERTIUM_DATA_DIR, parsePivots(config.TRANSLATION_PIVOTS));
      const missing = apertium.missingModes();
      const fallback = apertium.pivotFallbacks();
      if (fallback.length) {
        new Logger('Translation').warn(
          `${fallback.join(', ')} go through Spanish: the pairs of the configured pivot are not installed (${APERTIUM_INSTALL_HINT})`,
        );
      }
      if (missing.length) {
        new Logger('Translation').error(
          `Apertium cannot translate ${missing.join(', ')} (no mode files in ${config.APERTIUM_DATA_DIR}/modes). ` +
            `Install it with: ${APERTIUM_INSTALL_HINT} (npm start and npm test do when they can), or set TRANSLATION_PROVIDER. ` +
            'Until then those translations fail and are retried.',
        );
      }
      return apertium;
    }
  }
}

export const translationProviderFactory: Provider = {
  provide: TRANSLATION_PROVIDER,
  useFactory: createTranslationProvider,
  inject: [AppConfig],
};
