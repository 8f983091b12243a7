// Add-on `dist/plugins/ecommerce.umd.min.js`: transactions and cart events (Snowplow's ecommerce plugin).
import { trackAddToCart, trackEcommerceTransaction, trackRemoveFromCart } from '../core/events/track.js';
import { register } from './register.js';

register({ trackAddToCart, trackRemoveFromCart, trackEcommerceTransaction });
