import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The build output goes where PORTAL_OUT_DIR says (CMake: <build>/server/portal), else dist/.
// base './' keeps every asset URL relative, so the portal works under any path prefix or in an
// iframe; the router uses hash history for the same reason (no server rewrite needed).
export default defineConfig({
  base: './',
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  build: {
    outDir: process.env.PORTAL_OUT_DIR || 'dist',
    emptyOutDir: true,
    target: 'es2019',
    chunkSizeWarningLimit: 600,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': process.env.SPGL_SERVER || 'http://127.0.0.1:8080' },
  },
})
