// The WordPress example page must hold exactly what the plugin prints: runs
// demo/examples/wordpress/parley-comments.php under PHP with the few WordPress functions it calls
// stubbed, and compares its shortcode output and script module with the page. Skipped where
// there is no `php` (it is not a dependency of the project; `apt-get install php-cli` adds it).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const PLUGIN = resolve(ROOT, 'demo/examples/wordpress/parley-comments.php');
const hasPhp = spawnSync('php', ['--version']).status === 0;

// The post of the example page, and WordPress as far as the plugin uses it.
const HARNESS = `<?php
define('ABSPATH', '/');
$hooks = []; $shortcodes = []; $modules = []; $enqueued = [];
function add_action($hook, $callback) { global $hooks; $hooks[$hook][] = $callback; }
function add_shortcode($name, $callback) { global $shortcodes; $shortcodes[$name] = $callback; }
function wp_register_script_module($id, $src, $deps, $version) { global $modules; $modules[$id] = [$src, $version]; }
function wp_enqueue_script_module($id) { global $enqueued; $enqueued[] = $id; }
function plugins_url($file, $base) { return 'https://courier.example/wp-content/plugins/parley-comments/' . $file; }
function get_option($name, $default) { return ['parley_backend_url' => '/api/v1'][$name] ?? $default; }
function get_post() { return (object) ['ID' => 1234]; }
function get_permalink($post) { return 'https://courier.example/2026/11/mill-lane-footbridge/'; }
function get_the_title($post) { return 'Mill Lane footbridge to close for fourteen months'; }
function home_url($path) { return 'https://courier.example' . $path; }
function wp_login_url($redirect) { return 'https://courier.example/wp-login.php?redirect_to=' . urlencode($redirect); }
function get_bloginfo($what) { return 'en-GB'; }
function current_user_can($capability) { return false; }
function shortcode_atts($defaults, $atts, $name) { $out = []; foreach ($defaults as $k => $v) $out[$k] = ((array) $atts)[$k] ?? $v; return $out; }
function esc_url($url) { return htmlspecialchars($url, ENT_QUOTES); }
function esc_attr($text) { return htmlspecialchars($text, ENT_QUOTES); }
function wp_strip_all_tags($text) { return strip_tags($text); }
require getenv('PLUGIN');
foreach ($hooks['init'] as $init) $init();
echo json_encode(['html' => $shortcodes['parley_comments'](['thread' => 'demo-article']), 'modules' => $modules, 'enqueued' => $enqueued]);
`;

test('the WordPress example page is what the plugin prints', { skip: !hasPhp && 'php is not installed' }, () => {
  assert.match(execFileSync('php', ['-l', PLUGIN], { encoding: 'utf8' }), /No syntax errors/);
  const out = JSON.parse(execFileSync('php', ['-r', HARNESS.replace('<?php\n', '')], { encoding: 'utf8', env: { ...process.env, PLUGIN } })) as {
    html: string; modules: Record<string, [string, string]>; enqueued: string[];
  };
  const page = readFileSync(resolve(ROOT, 'demo/examples/wordpress/index.html'), 'utf8');
  assert.ok(page.includes(`\n${out.html}\n`), `the page holds the shortcode output:\n${out.html}`);
  assert.deepEqual(out.enqueued, ['parley-comments']);
  const [src, version] = out.modules['parley-comments']!;
  assert.equal(src, 'https://courier.example/wp-content/plugins/parley-comments/parley-comments.js');
  assert.ok(page.includes(`<script type="module" src="/dist/parley-comments.js?ver=${version}" id="parley-comments-js-module"></script>`),
    'the page loads the bundle as the script module WordPress prints (its URL shortened to this repository\'s build)');
});
