import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { assertPacksValid } from './lib/packs/validate.ts';

// The policy packs are plain data; check them here so that a bad edit fails the build.
assertPacksValid();

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
