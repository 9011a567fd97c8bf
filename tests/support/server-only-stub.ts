// server-only throws outside React Server Components; tests import data-layer modules directly.
export {};
