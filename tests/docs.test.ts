import { readFile } from 'node:fs/promises';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderSchemaDocs } from '../scripts/docs/render.ts';

// Schema documentation: every type and field of the API schema says what it means and who
// owns it, and docs/schema.md is what `npm run docs` renders from the committed supergraph.

const apiSdl = await readFile(new URL('../schema/api.graphql', import.meta.url), 'utf8');
const supergraphSdl = await readFile(new URL('../supergraph.graphql', import.meta.url), 'utf8');

/** Names of the API schema's types, fields and input fields that lack a description. */
function undocumented(sdl: string): string[] {
  const schema = buildSchema(sdl);
  const missing: string[] = [];
  const described = (d: string | null | undefined) => Boolean(d?.trim());
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
      }
    }
  }
  return missing;
}

describe('schema documentation', () => {
  it('describes every type, field, input type, input field and enum of the API schema', () => {
    expect(undocumented(apiSdl)).toEqual([]);
    const schema = buildSchema(apiSdl);
    // Enums and input types exist, so the walk above covered them too.
    const kinds = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
    expect(kinds.some(isEnumType)).toBe(true);
    expect(kinds.some(isInputObjectType)).toBe(true);
  });

  it('flags a type or field without a description', () => {
    const sdl = '"A thing." type Query { "Documented." a: Int b: Thing }\ntype Thing { "Documented." x: Int }\ninput In { y: Int }';
    expect(undocumented(sdl)).toEqual(['Query.b', 'Thing', 'In', 'In.y']);
  });

  it('names the owning department of every entity type in its description', () => {
    const schema = buildSchema(apiSdl);
    const owners: Record<string, string> = {
      Customer: 'CRM',
      Segment: 'CRM',
      Employee: 'HR',
      Quota: 'HR',
      Campaign: 'campaigns',
      Order: 'sales',
      Product: 'sales',
    };
    for (const [name, owner] of Object.entries(owners)) {
      expect(schema.getType(name)?.description, name).toContain(`Owned by ${owner}`);
    }
  });

  it('marks fields contributed by an extending subgraph with that subgraph', () => {
    const schema = buildSchema(apiSdl);
    const field = (type: string, name: string) => {
      const t = schema.getType(type);
      return isObjectType(t) ? t.getFields()[name]?.description : undefined;
    };
    expect(field('Customer', 'engagement')).toMatch(/^\(campaigns\)/);
    expect(field('Customer', 'lifetimeValue')).toMatch(/^\(sales\)/);
    expect(field('Campaign', 'roi')).toMatch(/^\(sales\)/);
    expect(field('Employee', 'managedCustomers')).toMatch(/^\(crm\)/);
    expect(field('Quota', 'attainment')).toMatch(/^\(sales\)/);
  });
});

describe('docs/schema.md', () => {
  it('is what `npm run docs` renders from the committed supergraph (run it and commit on failure)', async () => {
    const committed = await readFile(new URL('../docs/schema.md', import.meta.url), 'utf8');
    expect(renderSchemaDocs(supergraphSdl)).toBe(committed);
  });

  it('derives the ownership table from the join directives', () => {
    const markdown = renderSchemaDocs(supergraphSdl);
    expect(markdown).toContain('| [Customer](#customer) | `id` | crm | campaigns, sales | campaigns: `engagement`; sales: `orders`');
    expect(markdown).toContain('| [Campaign](#campaign) | `id` | campaigns | sales | sales: `attributedOrders`, `attributedRevenue`, `roi` |');
    expect(markdown).toContain('| [Quota](#quota) | `employeeId period` | hr | sales |');
    expect(markdown).toContain('| [Employee](#employee) | `id` | hr | campaigns, crm |');
  });

  it('is deterministic and lists Query and Mutation before the types', () => {
    const markdown = renderSchemaDocs(supergraphSdl);
    expect(renderSchemaDocs(supergraphSdl)).toBe(markdown);
    const at = (heading: string) => markdown.indexOf(`\n${heading}\n`);
    expect(at('## Ownership')).toBeGreaterThan(0);
    expect(at('## Query')).toBeGreaterThan(at('## Ownership'));
    expect(at('## Mutation')).toBeGreaterThan(at('## Query'));
    expect(at('## Types')).toBeGreaterThan(at('## Mutation'));
    expect(markdown).toContain('| `placeOrder` | [Order](#order)! | `input`: [PlaceOrderInput](#placeorderinput)! |');
  });
});
