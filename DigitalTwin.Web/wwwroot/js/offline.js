// The offline page (served by the service worker when a page cannot be fetched): reload the page that was asked
// for as soon as the server answers again, when the browser says it is back online, and every few seconds.
//
// It speaks the language the app last showed (app-start.js keeps it in localStorage: the culture cookie is
// HttpOnly), else the browser's.
const texts = {
  en: {
    title: "DigitalTwin — offline",
    heading: "You are offline",
    text: "DigitalTwin needs the network to show live values. This page reconnects by itself as soon as the server can be reached again.",
    waiting: "Waiting for the network…",
    back: "Back online, reconnecting…",
    still: "Still offline. Trying again every few seconds.",
    retry: "Try again now",
  },
  ko: {
    title: "DigitalTwin — 오프라인",
    heading: "오프라인 상태입니다",
    text: "DigitalTwin은 실시간 값을 보여 주려면 네트워크가 필요합니다. 서버에 다시 연결되면 이 페이지가 저절로 다시 연결됩니다.",
    waiting: "네트워크를 기다리는 중…",
    back: "다시 온라인입니다. 다시 연결하는 중…",
    still: "아직 오프라인입니다. 몇 초마다 다시 시도합니다.",
    retry: "지금 다시 시도",
  },
};

function language() {
  let chosen = null;
  try {
    chosen = localStorage.getItem("digitaltwin.lang");
  } catch {
    // Storage blocked: fall back to the browser's language.
  }
  chosen ??= (navigator.language ?? "en").slice(0, 2);
  return chosen in texts ? chosen : "en";
}

const lang = language();
const t = texts[lang];
document.documentElement.lang = lang;
document.title = t.title;
document.getElementById("offline-title").textContent = t.heading;
document.getElementById("offline-text").textContent = t.text;
document.getElementById("offline-retry").textContent = t.retry;
const status = document.getElementById("offline-status");
status.textContent = t.waiting;

async function tryAgain() {
  try {
    const response = await fetch("/health/live", { cache: "no-store" });
    if (response.ok) {
      status.textContent = t.back;
      location.reload();
      return;
    }
  } catch {
    // Still no network.
  }
  status.textContent = t.still;
}

window.addEventListener("online", tryAgain);
document.getElementById("offline-retry").addEventListener("click", tryAgain);
setInterval(tryAgain, 5000);
