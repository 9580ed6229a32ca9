// Every test sees the whole dictionary, as the app does once the screens after sign-in are loaded.
import './i18n/screens';
