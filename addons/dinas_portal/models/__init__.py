from . import dinas_cooperative
