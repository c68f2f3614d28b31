import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { assertPacksValid } from './lib/packs/validate.ts';
import { ScenarioSchema } from './lib/schemas/scenario.ts';

// The policy packs are plain data; check them here so that a bad edit fails the build.
assertPacksValid();

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // The scenario bank: one JSON file per scenario, validated against the interchange format.
  scenarios: defineCollection({
    loader: glob({ pattern: '**/*.json', base: './src/content/scenarios' }),
    schema: ScenarioSchema,
  }),
};
