import { createApp } from 'vue';
import '@/components/common/page.css';
import { setupApp } from '@/lib/ui/setup-app';
import App from './App.vue';

setupApp(createApp(App)).mount('#app');
