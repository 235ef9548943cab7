// The user's theme pick ("dark" | "light"); absent means "follow the system".
const key = "digitaltwin.theme";

export function getThemePreference() {
    try {
        return localStorage.getItem(key);
    } catch {
        return null; // storage disabled (private mode, policies)
    }
}

export function setThemePreference(value) {
    try {
        localStorage.setItem(key, value);
    } catch {
        // The pick then lasts for this page only.
    }
}
