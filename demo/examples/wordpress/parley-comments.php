<?php
/**
 * Plugin Name: Parley Comments
 * Description: Adds the [parley_comments] shortcode, which prints the <parley-comments> element and loads its script.
 * Version:     0.1.0
 * Requires at least: 6.5
 * License:     MIT
 *
 * Copy this file to wp-content/plugins/parley-comments/parley-comments.php, with the .js files
 * of the package's dist/ folder beside it (parley-comments.js and its chunks parley-*.js), and
 * activate it.
 * Settings → Parley: the backend URL and the bundle URL. Then put [parley_comments] in a post,
 * or call do_shortcode('[parley_comments]') from the theme's single.php.
 */

defined( 'ABSPATH' ) || exit;

const PARLEY_COMMENTS_VERSION = '0.1.0';

/** The plugin's two settings, with defaults. */
function parley_comments_option( string $name ): string {
	$defaults = array(
		'parley_backend_url' => '',
		// Default: the copy in this plugin's folder (copy dist/*.js of the npm package there), so a
		// site's Content-Security-Policy needs no other script origin. Or your CDN's URL.
		'parley_script_url'  => plugins_url( 'parley-comments.js', __FILE__ ),
	);
	return (string) get_option( $name, $defaults[ $name ] );
}

add_action(
	'init',
	static function (): void {
		// A script module (type="module"), printed once however many shortcodes a page has.
		wp_register_script_module( 'parley-comments', parley_comments_option( 'parley_script_url' ), array(), PARLEY_COMMENTS_VERSION );
		add_shortcode( 'parley_comments', 'parley_comments_shortcode' );
	}
);

/**
 * [parley_comments thread="…" sort="oldest"] — every attribute is optional.
 * The thread defaults to the post's permalink, which is also what the widget would pick.
 */
function parley_comments_shortcode( $atts ): string {
	$post = get_post();
	$atts = shortcode_atts(
		array(
			'thread'  => $post ? get_permalink( $post ) : '',
			'sort'    => 'newest',
			'loading' => 'lazy',
		),
		$atts,
		'parley_comments'
	);
	$backend = parley_comments_option( 'parley_backend_url' );
	if ( '' === $backend ) {
		return current_user_can( 'manage_options' ) ? '<p>' . esc_html__( 'Parley: set the backend URL under Settings → Parley.', 'parley-comments' ) . '</p>' : '';
	}
	wp_enqueue_script_module( 'parley-comments' );

	$permalink  = $post ? get_permalink( $post ) : home_url( '/' );
	$attributes = array(
		'backend-url'   => esc_url( $backend ),
		'thread-id'     => esc_attr( $atts['thread'] ),
		'thread-url'    => esc_url( $permalink ),
		'thread-title'  => esc_attr( $post ? wp_strip_all_tags( get_the_title( $post ) ) : '' ),
		'subscribe-url' => esc_url( home_url( '/subscribe' ) ),
		'sign-in-url'   => esc_url( wp_login_url( $permalink ) ),
		'rules-url'     => esc_url( home_url( '/community-rules' ) ),
		'lang'          => esc_attr( get_bloginfo( 'language' ) ),
	);
	if ( 'newest' !== $atts['sort'] ) {
		$attributes['sort'] = esc_attr( $atts['sort'] );
	}
	if ( 'lazy' !== $atts['loading'] ) {
		$attributes['loading'] = esc_attr( $atts['loading'] );
	}

	$html = '<parley-comments';
	foreach ( $attributes as $name => $value ) {
		$html .= sprintf( ' %s="%s"', $name, $value );
	}
	return $html . '></parley-comments>';
}

add_action(
	'admin_init',
	static function (): void {
		register_setting( 'parley_comments', 'parley_backend_url', array( 'sanitize_callback' => 'esc_url_raw' ) );
		register_setting( 'parley_comments', 'parley_script_url', array( 'sanitize_callback' => 'esc_url_raw' ) );
	}
);

add_action(
	'admin_menu',
	static function (): void {
		add_options_page(
			'Parley',
			'Parley',
			'manage_options',
			'parley-comments',
			static function (): void {
				?>
				<div class="wrap">
					<h1>Parley</h1>
					<form method="post" action="options.php">
						<?php settings_fields( 'parley_comments' ); ?>
						<p><label>Backend URL (API v1)<br>
							<input class="regular-text" type="url" name="parley_backend_url" value="<?php echo esc_attr( parley_comments_option( 'parley_backend_url' ) ); ?>"
								placeholder="https://comments.example.com/api/v1"></label></p>
						<p><label>Script URL<br>
							<input class="regular-text" type="url" name="parley_script_url" value="<?php echo esc_attr( parley_comments_option( 'parley_script_url' ) ); ?>"></label></p>
						<?php submit_button(); ?>
					</form>
				</div>
				<?php
			}
		);
	}
);
