#!/usr/bin/env node
// Package bin: load the TypeScript CLI through tsx's ESM loader API.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
