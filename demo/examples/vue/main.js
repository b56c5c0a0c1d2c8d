// Mounts App.vue where the server left the thread's settings in data attributes.
import { createApp } from 'vue';
import App from './App.vue';

const mount = document.getElementById('comments-root');
createApp(App, { backendUrl: mount.dataset.backendUrl, threadId: mount.dataset.threadId }).mount(mount);
