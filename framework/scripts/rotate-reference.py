#!/usr/bin/env python3
"""Prints the reference values RotatedDatasetTest compares against: the book's augmentation,
scipy.ndimage.rotate(x, angle, cval=0.01, order=1, reshape=False), of a random 5x7 image's
book-scaled inputs x = p/255*0.99 + 0.01. Needs numpy and scipy (tested with scipy 1.17.1)."""
import numpy as np
import scipy.ndimage as nd

rng = np.random.default_rng(1)
img = rng.integers(0, 256, size=(5, 7))
print('pixels', ','.join(str(v) for v in img.reshape(-1)))
x = img / 255 * 0.99 + 0.01
for angle in (10, -30):
    r = nd.rotate(x, angle, cval=0.01, order=1, reshape=False)
    print(angle, ','.join('%.12f' % v for v in r.reshape(-1)))
