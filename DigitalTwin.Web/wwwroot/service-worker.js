// The installable app's service worker. Pages are always fetched from the server (they are live and private, so
// they are never cached); when the network is gone a page request is answered with the cached offline page, which
// says so and reloads itself when the server answers again. Static assets (CSS, scripts, icons) are fetched from
// the network too, so an upgraded server never meets yesterday's scripts (the browser's HTTP cache and ETags keep
// that cheap), and a copy is kept for when the network is gone. Other requests (the API, the circuit, health
// probes, metrics) are not touched.
const shell = "digitaltwin-shell-v2";
const offlinePage = "/offline.html";
const precached = [offlinePage, "/js/offline.js", "/icons/icon.svg", "/icons/icon-192.png", "/manifest.webmanifest"];
const passThrough = ["/api/", "/_blazor", "/health/", "/metrics"];
const staticAsset = /\.(css|js|mjs|png|svg|ico|woff2?|ttf)$/i;

self.addEventListener("install", event => {
  event.waitUntil(caches.open(shell).then(cache => cache.addAll(precached)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== shell).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match(offlinePage)));
  } else if (staticAsset.test(url.pathname) && !passThrough.some(p => url.pathname.startsWith(p))) {
    event.respondWith(fetchAndCache(request).catch(() => caches.match(request).then(cached => cached ?? Response.error())));
  }
});

async function fetchAndCache(request) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(shell).then(cache => cache.put(request, copy));
  }
  return response;
}
