import type { TestProject } from 'vitest/node';
import { buildTemplate, dropTemplate, type Template } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    template: Template;
  }
}

let template: Template | undefined;

/** Migrates and seeds one template database for the whole run; test files copy it. */
export async function setup(project: TestProject): Promise<void> {
  template = await buildTemplate(process.env.DATABASE_URL);
  project.provide('template', template);
}

export async function teardown(): Promise<void> {
  if (template) await dropTemplate(template);
}
