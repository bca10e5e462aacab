// Hash history: the portal works under any path prefix and inside an iframe without a server
// rewrite rule. Every page but the guides is loaded on demand.
import { createRouter, createWebHashHistory } from 'vue-router'
import GuidesView from './views/GuidesView.vue'
import { restored, session } from './api'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/guides' },
    { path: '/guides', component: GuidesView, meta: { public: true } },
    { path: '/login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
    { path: '/register', component: () => import('./views/RegisterView.vue'), meta: { public: true } },
    { path: '/projects', component: () => import('./views/ProjectsView.vue') },
    { path: '/projects/:id', component: () => import('./views/ProjectView.vue'), props: true },
    { path: '/projects/:id/apply', component: () => import('./views/ApplyView.vue'), props: true },
    { path: '/applications', component: () => import('./views/ApplicationsView.vue') },
    { path: '/applications/:id', component: () => import('./views/ProgressView.vue'), props: true },
    { path: '/notifications', component: () => import('./views/NotificationsView.vue') },
    { path: '/account', component: () => import('./views/AccountView.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/guides' },
  ],
})

// A private page waits for the session to be restored (a reload keeps the login).
router.beforeEach(async (to) => {
  if (to.meta.public) return
  await restored
  if (!session.access) return { path: '/login', query: { next: to.fullPath } }
})
