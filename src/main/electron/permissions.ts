import { isAppUrl } from './renderer-source';

/** What Electron tells the request handler about a permission request (the parts we read). */
export interface PermissionRequest {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: ('video' | 'audio')[];
}

/** What Electron tells the check handler (the parts we read). */
export interface PermissionCheck {
  requestingOrigin: string;
  isMainFrame?: boolean;
  mediaType?: 'video' | 'audio' | 'unknown';
}

/**
 * The app asks for one thing: a camera (video only) for QR scanning, and a screen grab that main
 * then answers itself with a chooser. Only the app's own top frame may ask; anything else, and
 * every other permission, is refused.
 */
export function permissionGranted(
  permission: string,
  request: PermissionRequest,
  appOrigin: string,
): boolean {
  if (request.isMainFrame === false || !isAppUrl(request.requestingUrl ?? '', appOrigin))
    return false;
  if (permission === 'display-capture') return true;
  const types = request.mediaTypes ?? [];
  return permission === 'media' && types.length > 0 && types.every((type) => type === 'video');
}

/** The synchronous checks Chromium makes (e.g. before enumerating cameras): the same rule. */
export function permissionCheckPassed(
  permission: string,
  check: PermissionCheck,
  appOrigin: string,
): boolean {
  if (check.isMainFrame === false || !isAppUrl(check.requestingOrigin, appOrigin)) return false;
  return permission === 'media' && check.mediaType === 'video';
}
