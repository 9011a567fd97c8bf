/** The name of the per-browser cookie (see lib/auth/device.ts); set by proxy.ts on first visit. */
export const DEVICE_COOKIE = "rapport_device";
