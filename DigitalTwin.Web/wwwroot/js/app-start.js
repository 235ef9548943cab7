// Starts Blazor (blazor.web.js is loaded with autostart="false") and registers the service worker that makes the
// app installable and able to open without a network.
//
// Reconnecting: a phone loses the network in lifts and tunnels for longer than Blazor's default handful of attempts,
// after which it would wait for a tap on "Retry". Here it keeps trying: quickly at first, then every 10 s, for
// about an hour; the reconnect dialog (ReconnectModal.razor.js) also retries at once when the browser says the
// network is back or the page becomes visible again.
Blazor.start({
  circuit: {
    reconnectionOptions: {
      maxRetries: 400,
      retryIntervalMilliseconds: previousAttempts => previousAttempts < 5 ? 1000 : previousAttempts < 15 ? 3000 : 10000,
    },
  },
});

// The offline page cannot read the (HttpOnly) culture cookie: it speaks the language the app last showed.
try {
  localStorage.setItem("digitaltwin.lang", document.documentElement.lang);
} catch {
  // Storage blocked (private mode): the offline page falls back to the browser's language.
}

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/service-worker.js", { scope: "/" }).catch(error => console.warn("Service worker not registered", error));
}
