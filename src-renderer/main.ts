// Renderer entry: picks the API transport once, then mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { connectApi } from './lib/transport.ts';
import { Workbench } from './lib/workbench.svelte.ts';
import './app.css';

const bench = new Workbench(connectApi());
void bench.load();
mount(App, { target: document.getElementById('app') as HTMLElement, props: { bench } });
